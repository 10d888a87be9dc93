import { defineParameterType } from 'playwright-bdd';
import { ACTOR_ROLES } from '../scenarios/actors';
import { anyOfWords } from '../support/features/catalogue';

// {actor}: one of the people the scenarios know ("the warehouse", "finance", ...).
defineParameterType({
  name: 'actor',
  regexp: anyOfWords(Object.keys(ACTOR_ROLES)),
  transformer: (actor: string) => actor,
});
