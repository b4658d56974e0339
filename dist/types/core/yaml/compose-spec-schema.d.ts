/**
 * Compose's schema, written here as a JSON Schema (draft 2020-12) from the rules of the
 * compose-spec schema that compose-go v2.16.2 embeds and validates every file against
 * (schema/compose-spec.json): which keys each level allows, the JSON types of their values, their
 * enumerations, patterns, bounds and required keys, and which lists must hold unique items.
 * Descriptions and deprecation notes are left out: they change no verdict. Pure data.
 */
import { type S } from './compose-spec-container.js';
/** The whole schema (draft 2020-12). */
export declare const COMPOSE_SCHEMA: S;
