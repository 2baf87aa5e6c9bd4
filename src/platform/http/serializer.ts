import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * Response serialisation from the route's zod schema, compiled once into a fast-json-stringify
 * function: only the fields the schema declares are written (a private field a service forgot to
 * drop never leaves), at a fraction of the cost of validating every response with zod and calling
 * JSON.stringify (measured: zod's serializer was a quarter of a trivial route's cost).
 * A schema JSON Schema cannot express falls back to zod's own serializer.
 */
export const serializerCompiler: FastifySerializerCompiler<z.ZodType> = (route) => {
  let stringify: (data: unknown) => string;
  try {
    const jsonSchema = z.toJSONSchema(route.schema, { target: 'draft-7', io: 'output', unrepresentable: 'throw' });
    stringify = fastJson(jsonSchema as Parameters<typeof fastJson>[0]);
  } catch {
    return zodSerializerCompiler(route);
  }
  return (data) => stringify(data);
};
