/**
 * The {name} slots of a catalogue template, read by the type checker: a message built from a
 * template must be given every slot it shows, so a forgotten one is a compile error and never
 * "{name}" on a clerk's screen. The runtime twin, `slotsOf`, lets tests compare languages.
 */

/** A slot name is a word; `{"dueSoonDays": 7}` in a template is an example, not a slot. */
type Word<Name extends string> = Name extends "" | `${string}${" " | '"' | ":" | "," | "{"}${string}` ? never : Name;

/** The names of the {name} slots of a template, as a union ("row" | "raw"). */
export type SlotsOf<Template extends string> = Template extends `${string}{${infer Name}}${infer Rest}` ? Word<Name> | SlotsOf<Rest> : never;

/** What a slot may be filled with. */
export type SlotValue = string | number;

/** The parameters a template needs: one value per slot. */
export type SlotParams<Template extends string> = { readonly [Name in SlotsOf<Template>]: SlotValue };

/** The slot names of a template, as `formatMessage` fills them. */
export function slotsOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]!))].sort();
}
