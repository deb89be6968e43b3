-- At steady state the retention sweep deletes runs as fast as admission adds them, and
-- every run leaves two dead row versions besides (claimed, finished). The defaults vacuum
-- a table once a fifth of it is dead: on a run table of millions of rows, that lets
-- millions of dead rows pile up, and inserts extend the table instead of reusing the space
-- the sweep freed. Vacuum it (and its TOAST table, where large inputs and outputs live)
-- after 1% instead, and after 1% of inserts, so the freed space is reused and the table
-- stays the size of its window.
ALTER TABLE "AlgorithmRun" SET (
  autovacuum_vacuum_scale_factor = 0.01,
  autovacuum_vacuum_threshold = 1000,
  autovacuum_vacuum_insert_scale_factor = 0.01,
  autovacuum_analyze_scale_factor = 0.02,
  toast.autovacuum_vacuum_scale_factor = 0.01,
  toast.autovacuum_vacuum_threshold = 1000,
  toast.autovacuum_vacuum_insert_scale_factor = 0.01
);

ALTER TABLE "DeletedRunMessage" SET (
  autovacuum_vacuum_scale_factor = 0.02,
  autovacuum_vacuum_insert_scale_factor = 0.02
);
