// Checks bodies against the zod schemas generated from Discord's official OpenAPI spec.

interface SafeParseResult {
  success: boolean;
  error?: { issues: Array<{ path: PropertyKey[]; message: string; code?: string; expected?: string }> };
}
interface Schema {
  safeParse(value: unknown): SafeParseResult;
}

export type SpecSchemaName =
  | 'GatewayResponseSchema'
  | 'GatewayBotResponseSchema'
  | 'UserPIIResponseSchema'
  | 'PrivateApplicationResponseSchema'
  | 'ApplicationCommandUpdateRequestSchema'
  | 'ApplicationCommandCreateRequestSchema'
  | 'ApplicationCommandResponseSchema'
  | 'CreateMessageInteractionCallbackRequestSchema'
  | 'UpdateMessageInteractionCallbackRequestSchema'
  | 'ApplicationCommandAutocompleteCallbackRequestSchema'
  | 'ModalInteractionCallbackRequestSchema'
  | 'PongInteractionCallbackRequestSchema'
  | 'InteractionCallbackResponseSchema'
  | 'IncomingWebhookRequestPartialSchema'
  | 'IncomingWebhookUpdateRequestPartialSchema'
  | 'MessageResponseSchema';

export interface SpecChecker {
  /** Returns the problems found, `[]` when the value conforms. */
  check(schema: SpecSchemaName, value: unknown, each?: boolean): string[];
}

// The package ships no type declarations; importing through a variable keeps tsc from resolving it.
const SPEC_MODULE = 'discord-api-spec/zod';

export async function loadSpecChecker(): Promise<SpecChecker> {
  const mod = (await import(SPEC_MODULE)) as Record<string, Schema | undefined>;
  return {
    check(name, value, each = false) {
      const schema = mod[name];
      if (!schema) return [`schema ${name} is missing from discord-api-spec`];
      const values = each && Array.isArray(value) ? value : [value];
      return values.flatMap((item, index) => {
        const result = schema.safeParse(item);
        if (result.success) return [];
        const prefix = each ? `[${index}].` : '';
        return (result.error?.issues ?? []).map((issue) => {
          const where = prefix + issue.path.map(String).join('.');
          const detail = issue.expected ? ` (expected ${issue.expected})` : issue.code ? ` (${issue.code})` : '';
          return `${where || '<root>'}: ${issue.message}${detail}`;
        });
      });
    },
  };
}
