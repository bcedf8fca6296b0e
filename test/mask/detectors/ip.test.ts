import { describe } from 'node:test';
import { ip } from '../../../src/mask/detectors/ip.js';
import { checkDetector } from './cases.js';

describe('ip', () => {
  checkDetector(ip, {
    found: [
      ['login from 192.168.1.10.', '192.168.1.10', '192.168.1.10'],
      ['remote_addr=8.8.8.8', '8.8.8.8', '8.8.8.8'],
      ['from 2001:db8::8a2e:370:7334.', '2001:db8::8a2e:370:7334', '2001:db8::8a2e:370:7334'],
      ['[FE80::1FF:FE23:4567:890A]:443', 'FE80::1FF:FE23:4567:890A', 'fe80::1ff:fe23:4567:890a'],
      ['peer ::ffff:192.0.2.128 closed', '::ffff:192.0.2.128', '::ffff:192.0.2.128'],
    ],
    kept: ['version 1.2.3.4', 'v1.2.3.4', '1.3.6.1.4.1.311', '256.1.1.1', '01.02.03.04', 'at 10:30:00', 'MAC 00:1a:2b:3c:4d:5e', 'std::vector', '1.2.3', 'a:b', 'build 10.0.19045.2364'],
  });
});
