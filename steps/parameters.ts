import { defineParameterType } from 'playwright-bdd';
import { ACTOR_PHRASES, actorOf } from '../support/actors';
import { anyOfWords } from '../support/features/catalogue';
import { registerParameter } from '../support/features/step-registry';

// {actor}: one of the people the scenarios know ("the warehouse", "finance", ...), as a typed Actor.
defineParameterType({
  name: 'actor',
  regexp: anyOfWords(ACTOR_PHRASES),
  transformer: actorOf,
});
registerParameter({ name: 'actor', values: ACTOR_PHRASES });
