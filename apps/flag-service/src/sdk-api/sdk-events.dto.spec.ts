import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DURATION_BUCKETS_MS as SERVICE_BUCKETS } from '@switchyard/darklaunch';
import { DURATION_BUCKETS_MS as SDK_BUCKETS, type DarkLaunchReport } from '@switchyard/sdk';
import { DarkLaunchReportDto } from './sdk-events.dto.js';

// The SDK and the service each hold the shared contract's duration buckets and report shape; these keep them equal.
describe('the dark-launch report between SDK and service', () => {
  it('has the same duration buckets on both sides', () => {
    expect([...SERVICE_BUCKETS]).toEqual([...SDK_BUCKETS]);
  });

  it("accepts the SDK's report type as it is", () => {
    const report: DarkLaunchReport = {
      flag: 'search-v2',
      windowStart: '2026-12-02T10:05:00.000Z',
      windowMs: 2000,
      modes: { off: 1, shadow: 2, live: 3 },
      shadow: { compared: 2, matches: 1, mismatches: 1, ignored: 0, candidateErrors: 0, timeouts: 0, skipped: 0 },
      live: { calls: 3, failures: 1 },
      controlMs: SDK_BUCKETS.map(() => 1),
      candidateMs: SDK_BUCKETS.map(() => 0),
      paths: [{ path: '$.total', count: 1, noise: false }],
      samples: [{ path: '$.total', contextKey: 'u1', control: '10', candidate: '11' }],
    };
    // Compile-time too: the SDK's type is assignable to the DTO's.
    const asDto: Omit<DarkLaunchReportDto, never> = report;
    expect(
      validateSync(plainToInstance(DarkLaunchReportDto, asDto), { forbidNonWhitelisted: true, whitelist: true }),
    ).toEqual([]);
  });
});
