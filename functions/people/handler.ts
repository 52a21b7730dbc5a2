import { peopleRoutes } from '#shared/catalogue/routes/people';
import { callerRecheck } from '#shared/http/caller-check';
import { httpFunction } from '#shared/http/http-function';
import { createPerson } from './create-person/use-case';
import { peopleDepsFromEnvironment } from './environment';
import { listPeople } from './list-people/use-case';
import { resetPassword } from './reset-password/use-case';
import { reachablePerson } from './rules';
import { setPersonActive } from './set-active/use-case';
import { updatePerson } from './update-person/use-case';

const deps = peopleDepsFromEnvironment();

export const handler = httpFunction(
  peopleRoutes,
  {
    createPerson: ({ principal, body }) => createPerson(deps, principal, body),
    listPeople: ({ principal, query }) => listPeople(deps, principal, query),
    getPerson: ({ principal, params }) => reachablePerson(deps, principal, params.personId),
    getPersonEvents: async ({ principal, params }) => {
      const person = await reachablePerson(deps, principal, params.personId);
      return { personId: person.personId, events: await deps.people.events(person.personId) };
    },
    updatePerson: ({ principal, params, body }) => updatePerson(deps, principal, params.personId, body),
    disablePerson: ({ principal, params }) => setPersonActive(deps, principal, params.personId, false),
    enablePerson: ({ principal, params }) => setPersonActive(deps, principal, params.personId, true),
    resetPersonPassword: ({ principal, params }) => resetPassword(deps, principal, params.personId),
  },
  { recheck: callerRecheck() },
);
