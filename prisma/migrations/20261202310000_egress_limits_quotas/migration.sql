-- Egress policy and quotas as platform settings; a note on runs whose input ran as raw text.
ALTER TABLE "PlatformSettings" ADD COLUMN "algorithmAllowedNetworks" TEXT,
ADD COLUMN "userFlowLimit" INTEGER,
ADD COLUMN "userDataQuotaMb" INTEGER;

ALTER TABLE "AlgorithmRun" ADD COLUMN "inputNote" TEXT;
