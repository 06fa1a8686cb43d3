import { describe, expect, it } from 'vitest';
import { parseIpv4, parseIpv6, sendmailAddressText } from '../../../src/bt/host/inet.js';
import { hostsByAddress, hostsByName, parseHostsFile } from '../../../src/bt/host/hosts-file.js';
import { addInterfaceNames, addStartupNames, lookUpIdentity } from '../../../src/bt/host/identity.js';
import {
  parseHostConfMulti,
  parseNsswitchHosts,
  SystemResolver,
  type HostSystem,
} from '../../../src/bt/host/system.js';

describe('addresses', () => {
  it('parses dotted quads strictly', () => {
    expect(parseIpv4('192.0.2.2')?.bytes).toEqual([192, 0, 2, 2]);
    expect(parseIpv4('1.2.3')).toBeNull();
    expect(parseIpv4('1.2.3.256')).toBeNull();
    expect(parseIpv4('01.2.3.4')).toBeNull();
  });

  it("prints IPv6 uncompressed with sendmail's tag, v4-mapped as a quad", () => {
    const lo = parseIpv6('::1');
    expect(lo && sendmailAddressText(lo)).toBe('IPv6:0:0:0:0:0:0:0:1');
    const doc = parseIpv6('2001:DB8::a:0BC');
    expect(doc && sendmailAddressText(doc)).toBe('IPv6:2001:db8:0:0:0:0:a:bc');
    const mapped = parseIpv6('::ffff:10.1.2.3');
    expect(mapped && sendmailAddressText(mapped)).toBe('10.1.2.3');
    expect(parseIpv6('1::2::3')).toBeNull();
    expect(parseIpv6('1:2:3:4:5:6:7:8:9')).toBeNull();
  });
});

const HOSTS = [
  '# comment',
  '127.0.0.1 localhost',
  '10.1.1.1 foo.example.com foo fooalias # trailing',
  '10.1.1.2 Foo.Example.Org foo otheralias',
  '::1 foo6 foo',
  'bogus-address name',
].join('\n');

describe('hosts file (C library "files" service)', () => {
  const lines = parseHostsFile(HOSTS);

  it('skips comments and lines without a valid address', () => {
    expect(lines).toHaveLength(4);
  });

  it('answers the first matching line of the family, case-insensitively', () => {
    const ent = hostsByName(lines, 'FOO', 'inet', false);
    expect(ent?.name).toBe('foo.example.com');
    expect(ent?.aliases).toEqual(['foo', 'fooalias']);
    expect(hostsByName(lines, 'foo', 'inet6', false)?.name).toBe('foo6');
    expect(hostsByName(lines, 'fooalias', 'inet6', false)).toBeNull();
  });

  it('merges later lines with "multi on": their aliases, then their own name', () => {
    const ent = hostsByName(lines, 'foo', 'inet', true);
    // the "::1" line answers IPv4 lookups as 127.0.0.1, as the C library reads it
    expect(ent?.aliases).toEqual(['foo', 'fooalias', 'foo', 'otheralias', 'Foo.Example.Org', 'foo', 'foo6']);
    expect(ent?.addresses.map((a) => a.bytes.join('.'))).toEqual(['10.1.1.1', '10.1.1.2', '127.0.0.1']);
  });

  it('reverse lookups take the first line with the address', () => {
    const a = parseIpv4('10.1.1.2');
    expect(a && hostsByAddress(lines, a)?.name).toBe('Foo.Example.Org');
  });
});

function fakeSystem(files: Record<string, string>, host = 'vm'): HostSystem {
  return {
    hostname: () => host,
    nodename: () => host,
    interfaces: () => [
      { name: 'lo', address: parseIpv4('127.0.0.1')!, loopback: true },
      { name: 'eth0', address: parseIpv4('192.0.2.2')!, loopback: false },
    ],
    readFile: (p) => files[p] ?? null,
  };
}

class Classes {
  readonly order: string[] = [];
  private members = new Map<string, Set<string>>();
  has(c: string, w: string): boolean {
    return this.members.get(c)?.has(w.toLowerCase()) ?? false;
  }
  add(c: string, w: string): void {
    if (!this.members.has(c)) this.members.set(c, new Set());
    this.members.get(c)!.add(w.toLowerCase());
    this.order.push(`${c}:${w}`);
  }
}

describe('start-up identity', () => {
  it('reads nsswitch.conf and host.conf', () => {
    expect(parseNsswitchHosts('passwd: files\nhosts:  files [NOTFOUND=return] dns # x\n')).toEqual([
      'files',
      'dns',
    ]);
    expect(parseNsswitchHosts(null)).toEqual(['dns', 'files']);
    expect(parseHostConfMulti('multi on\n')).toBe(true);
    expect(parseHostConfMulti('order hosts\n')).toBe(false);
  });

  it('finds the canonical name through the IPv4 entry when IPv6 has none', () => {
    const system = fakeSystem({
      '/etc/hosts': '127.0.0.1\tvm.example.net vm localhost\n::1\tlocalhost ip6-localhost\n',
      '/etc/nsswitch.conf': 'hosts: files dns\n',
    });
    const resolver = new SystemResolver(system);
    const id = lookUpIdentity(system, resolver, ['files', 'dns']);
    expect(id).toMatchObject({ canonicalName: 'vm.example.net', domain: 'example.net', nodename: 'vm' });
    const classes = new Classes();
    addStartupNames(id, classes);
    expect(classes.order).toEqual([
      'w:vm.example.net',
      'k:vm',
      'w:vm',
      'w:vm',
      'w:localhost',
      'w:[127.0.0.1]',
    ]);
    addInterfaceNames(system.interfaces(), resolver, 'all', classes);
    expect(classes.order.slice(6)).toEqual(['w:[192.0.2.2]']);
  });

  it('takes a dotted alias when the canonical name has no dot, and names interfaces', () => {
    const system = fakeSystem(
      {
        '/etc/hosts': '10.0.0.1 box box.example.org\n192.0.2.2 ifname.example ifalias\n',
        '/etc/nsswitch.conf': 'hosts: files\n',
      },
      'box',
    );
    const resolver = new SystemResolver(system);
    const id = lookUpIdentity(system, resolver, ['files']);
    expect(id.canonicalName).toBe('box.example.org');
    const classes = new Classes();
    addInterfaceNames(system.interfaces(), resolver, 'skip-loopback', classes);
    expect(classes.order).toEqual([
      'w:[127.0.0.1]',
      'w:[192.0.2.2]',
      'w:ifname.example',
      'w:[ifname.example]',
      'w:ifalias',
      'w:[ifalias]',
    ]);
  });

  it('keeps the bare host name when nothing knows it', () => {
    const system = fakeSystem({ '/etc/hosts': '' }, 'lonely');
    const id = lookUpIdentity(system, new SystemResolver(system), ['files']);
    expect(id).toMatchObject({ canonicalName: 'lonely', domain: null, host: null });
  });
});
