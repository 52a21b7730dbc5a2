import { describe, expect, it } from 'vitest';
import { planPorts } from '../../../infra/local/ports';

describe('npm start --port P', () => {
  it('puts every service at its documented offset, the user pool (cognito-local) at P+5 and the console at P+6', () => {
    expect(planPorts(4000)).toEqual({
      api: 4000,
      archive: 4001,
      mailbox: 4002,
      s3: 4003,
      dynamodb: 4004,
      cognito: 4005,
      console: 4006,
    });
  });

  it('with 0 puts every service, the user pool included, on a free port', () => {
    expect(Object.values(planPorts(0))).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});
