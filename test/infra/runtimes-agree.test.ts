/**
 * One declaration, two runtimes: the routes and schedules the CDK app deploys must be exactly
 * the ones the local runtime serves and fires.
 */
import { Cron } from 'croner';
import { describe, expect, it } from 'vitest';
import { servedRouteKeys } from '../../infra/local/gateway/router';
import { scheduleRegistrations } from '../../infra/local/scheduler';
import { type RouteDeclaration, routeKey, routes } from '../../shared/catalogue/routes';
import { synthesizeXinbao } from './support';

type Resource = { Type: string; Properties: Record<string, unknown> };

const { statelessTemplate } = synthesizeXinbao({ nag: false });
const resources = Object.values(statelessTemplate.toJSON().Resources as Record<string, Resource>);
const ofType = (type: string) => resources.filter((resource) => resource.Type === type);

/** `cron(m h dom mon dow year)` → the five fields croner understands, `?` read as `*`. */
function cronerFromScheduler(expression: string): string {
  const fields = /^cron\((.*)\)$/.exec(expression)?.[1]?.split(' ') ?? [];
  const maxima = [59, 23, 31, 12];
  const translated = fields.slice(0, 5).map((field, index) => {
    if (field === '?') return '*';
    const stepped = /^(\d+)\/(\d+)$/.exec(field);
    return stepped ? `${stepped[1]}-${maxima[index]}/${stepped[2]}` : field;
  });
  return `0 ${translated.join(' ')}`;
}

function nextRuns(pattern: string, timezone: string, count: number): string[] {
  const cron = new Cron(pattern, { timezone, paused: true });
  const runs: string[] = [];
  let from = new Date('2026-01-01T00:00:00Z');
  for (let i = 0; i < count; i += 1) {
    const next = cron.nextRun(from);
    if (!next) break;
    runs.push(next.toISOString());
    from = next;
  }
  return runs;
}

describe('the CDK app and the local runtime expose the same surface', () => {
  it('serve the same route keys', () => {
    const deployed = ofType('AWS::ApiGatewayV2::Route').map((route) => String(route.Properties.RouteKey));
    expect(deployed.sort()).toEqual(servedRouteKeys().sort());
    expect(deployed.sort()).toEqual((routes as readonly RouteDeclaration[]).map(routeKey).sort());
  });

  it('put the authorizer on the same routes', () => {
    const deployed = Object.fromEntries(
      ofType('AWS::ApiGatewayV2::Route').map((route) => [
        String(route.Properties.RouteKey),
        route.Properties.AuthorizationType === 'CUSTOM' ? 'bearer' : 'public',
      ]),
    );
    const declared = Object.fromEntries(
      (routes as readonly RouteDeclaration[]).map((r) => [routeKey(r), r.auth]),
    );
    expect(deployed).toEqual(declared);
  });

  it('fire the same schedules at the same Shanghai times with the same payload', () => {
    const deployed = ofType('AWS::Scheduler::Schedule');
    const local = scheduleRegistrations();
    expect(deployed).toHaveLength(local.length);
    for (const registration of local) {
      const match = deployed.find((schedule) =>
        String((schedule.Properties.Target as { Input?: string }).Input ?? '').includes(
          `"job":"${registration.job}"`,
        ),
      );
      expect(match, registration.name).toBeDefined();
      const properties = match?.Properties ?? {};
      expect(properties.ScheduleExpressionTimezone).toBe(registration.timezone);
      const expression = String(properties.ScheduleExpression);
      expect(nextRuns(cronerFromScheduler(expression), 'Asia/Shanghai', 50)).toEqual(
        nextRuns(registration.pattern, registration.timezone, 50),
      );
    }
  });
});
