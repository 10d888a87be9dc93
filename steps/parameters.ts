import { defineParameterType } from 'playwright-bdd';
import { ACTOR_ROLES } from '../scenarios/actors';

// {actor}: one of the people the scenarios know ("the warehouse", "finance", ...).
defineParameterType({
  name: 'actor',
  regexp: new RegExp(Object.keys(ACTOR_ROLES).sort((a, b) => b.length - a.length).map((a) => a.replace(/ /g, '\\s')).join('|')),
  transformer: (actor: string) => actor,
});
