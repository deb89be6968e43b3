import { describe, expect, it } from 'vitest';
import { addressRefusal, splitAllowedNetworks, type EgressPolicy } from './egress-policy';
import { endpointUrlRefusal } from './guarded-lookup';

const production: EgressPolicy = { allowLoopback: false, allowedNetworks: [] };
const local: EgressPolicy = { allowLoopback: true, allowedNetworks: [] };

describe('the egress policy of algorithm endpoints', () => {
  it('never allows link-local, metadata, "this network" or multicast addresses, in any form', () => {
    const everything: EgressPolicy = { allowLoopback: true, allowedNetworks: ['0.0.0.0/0', '::/0'] };
    for (const address of ['169.254.169.254', '0.0.0.0', '0.1.2.3', '224.0.0.1', '239.255.255.250', '255.255.255.255', 'fe80::1', 'ff02::1', 'fd00:ec2::254', '::ffff:169.254.169.254', '::ffff:a9fe:a9fe', '64:ff9b::a9fe:a9fe', '::']) {
      expect(addressRefusal(address, 'h', everything), address).toMatch(/may never use/);
    }
  });

  it('never allows the reserved and benchmarking blocks, site-local or local-use NAT64 addresses, whatever the allow-list says', () => {
    const everything: EgressPolicy = { allowLoopback: true, allowedNetworks: ['0.0.0.0/0', '::/0'] };
    for (const address of ['192.0.0.8', '198.18.0.1', '198.19.255.254', 'fec0::1', 'feff::1', '64:ff9b:1::a00:1', '64:ff9b:1:ffff::1']) {
      expect(addressRefusal(address, 'h', everything), address).toMatch(/may never use/);
    }
  });

  it('refuses every known cloud metadata address even where an admin allowed its network', () => {
    const allowingTheirNetworks: EgressPolicy = { allowLoopback: false, allowedNetworks: ['100.64.0.0/10', '192.0.0.0/24', 'fd00::/8', 'metadata.internal'] };
    for (const address of ['169.254.169.254', 'fd00:ec2::254', '100.100.100.200', '192.0.0.192']) {
      expect(addressRefusal(address, 'metadata.internal', allowingTheirNetworks), address).toMatch(/may never use/);
    }
    expect(addressRefusal('100.100.100.199', 'h', allowingTheirNetworks)).toBeNull();
  });

  it('judges the IPv4 address a 6to4 address carries', () => {
    // 2002:AABB:CCDD::/48 is the 6to4 network of AA.BB.CC.DD.
    expect(addressRefusal('2002:a9fe:a9fe::1', 'h', production)).toMatch(/169\.254\.169\.254 is a link-local, metadata/);
    expect(addressRefusal('2002:7f00:1::', 'h', production)).toMatch(/127\.0\.0\.1 is a loopback/);
    expect(addressRefusal('2002:a00:1::', 'h', production)).toMatch(/10\.0\.0\.1 is a private address/);
    expect(addressRefusal('2002:a00:1::', 'h', { allowLoopback: false, allowedNetworks: ['10.0.0.0/8'] })).toBeNull();
    expect(addressRefusal('2002:808:808::1', 'h', production)).toBeNull();
  });

  it('allows loopback only in local mode', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) {
      expect(addressRefusal(address, 'h', production), address).toMatch(/loopback .* only in local mode/);
      expect(addressRefusal(address, 'h', local), address).toBeNull();
    }
  });

  it('allows private ranges only where an admin allowed them, by CIDR or host name', () => {
    for (const address of ['10.0.0.1', '172.16.5.4', '192.168.1.1', '100.64.0.1', 'fc00::1', 'fd12::1', '::ffff:10.1.2.3']) {
      expect(addressRefusal(address, 'models.internal', production), address).toMatch(/private address/);
    }
    const admin: EgressPolicy = { allowLoopback: false, allowedNetworks: ['10.20.0.0/16', 'models.internal', 'fd12::/16'] };
    expect(addressRefusal('10.20.3.4', 'any.example', admin)).toBeNull();
    expect(addressRefusal('10.21.3.4', 'any.example', admin)).toMatch(/private address/);
    expect(addressRefusal('192.168.1.1', 'Models.Internal', admin)).toBeNull();
    expect(addressRefusal('fd12::1', 'x', admin)).toBeNull();
    // An allowed network never lifts the loopback rule.
    expect(addressRefusal('127.0.0.1', 'x', { allowLoopback: false, allowedNetworks: ['127.0.0.0/8'] })).toMatch(/loopback/);
  });

  it('allows public addresses', () => {
    for (const address of ['93.184.215.14', '8.8.8.8', '2606:4700::1111', '64:ff9b::808:808']) expect(addressRefusal(address, 'h', production), address).toBeNull();
  });

  it('reads the setting: CIDRs, addresses and host names, separated by commas or new lines', () => {
    expect(splitAllowedNetworks('10.0.0.0/8, models.internal\n192.168.1.5')).toEqual({ entries: ['10.0.0.0/8', 'models.internal', '192.168.1.5'], invalid: undefined });
    expect(splitAllowedNetworks('10.0.0.0/33').invalid).toBe('10.0.0.0/33');
    expect(splitAllowedNetworks('not a host!').invalid).toBe('host!');
  });

  it('checks a URL by resolving its host name with the real resolver (localhost is loopback)', async () => {
    expect(await endpointUrlRefusal('http://localhost:8080/run', production)).toMatch(/^localhost resolves to .* loopback/);
    expect(await endpointUrlRefusal('http://localhost:8080/run', local)).toBeNull();
    expect(await endpointUrlRefusal('http://169.254.169.254/latest/meta-data/', local)).toMatch(/may never use/);
    expect(await endpointUrlRefusal('http://[::ffff:169.254.169.254]/', local)).toMatch(/may never use/);
    expect(await endpointUrlRefusal('http://10.0.0.1/', local)).toMatch(/private address/);
    // Not deployed yet: checked again on every connection.
    expect(await endpointUrlRefusal('http://no-such-host.invalid/', production)).toBeNull();
  });
});
