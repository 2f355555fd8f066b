import { describe, expect, it } from 'vitest';
import { issuerHostProblem, issuerProblem } from './provider';

describe('which identity providers SOS will fetch from', () => {
	it('refuses issuers inside this network (private, loopback, link-local, IPv4-mapped), and takes one on the internet', async () => {
		for (const issuer of [
			'https://127.0.0.1/x',
			'https://10.1.2.3',
			'https://172.20.0.1',
			'https://192.168.1.10',
			'https://169.254.169.254',
			'https://[::1]',
			'https://[::ffff:10.0.0.1]',
			'https://[fd00::1]'
		])
			expect(await issuerHostProblem(issuer), issuer).toMatch(/inside this network/);
		expect(await issuerHostProblem('https://93.184.216.34/tenant/v2.0')).toBeNull();
		expect(await issuerHostProblem('https://no-such-host.invalid')).toMatch(/does not resolve/);
	});

	it('takes https issuers only, without a query, fragment or credentials', () => {
		expect(issuerProblem('https://login.example.com/t/v2.0')).toBeNull();
		expect(issuerProblem('http://login.example.com')).toMatch(/https/);
		expect(issuerProblem('https://user:pw@login.example.com')).toMatch(/without/);
		expect(issuerProblem('not a url')).toMatch(/URL/);
	});
});
