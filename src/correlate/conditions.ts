/**
The condition language of rule files (docs/rules.md#conditions): path → test, evaluated against a
lookup function, so the same code tests an event's fields and the pair-state model. A `$path` operand
is read with its own lookup: inside `where` the paths name the event's fields while `$path` names the
pair-state model.
*/

import type { Scalar } from "../model/events.js";
import type { Condition, ConditionOperators, Conditions } from "../catalogue/rule.js";

export type Lookup = (path: string) => Scalar | undefined;

const OPERATOR_NAMES = new Set(["eq", "in", "not", "exists", "gt", "gte", "lt", "lte", "matches"]);

export function isOperators(condition: Condition): condition is ConditionOperators {
  return typeof condition === "object" && condition !== null && !Array.isArray(condition);
}

export function operatorNames(): readonly string[] {
  return [...OPERATOR_NAMES];
}

function numeric(value: Scalar | undefined): number | null {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return null;
}

/**
`actual.toUpperCase() === expectedUpper`, without building the upper-case copy while `actual` is ASCII (a
pair state compared with the states a dozen rules name, on every event): an ASCII character's upper case is
one ASCII character at the same place, so the first difference or a length that differs decides.
*/
function sameIgnoringCase(actual: string, expectedUpper: string): boolean {
  const sameLength = actual.length === expectedUpper.length;
  for (let index = 0; index < actual.length; index++) {
    let code = actual.charCodeAt(index);
    if (code >= 128) return actual.toUpperCase() === expectedUpper;
    if (!sameLength) continue;
    if (code >= 97 && code <= 122) code -= 32;
    if (code !== expectedUpper.charCodeAt(index)) return false;
  }
  return sameLength;
}

function equal(actual: Scalar | undefined, expected: Scalar, expectedUpper?: string): boolean {
  if (actual === undefined) return expected === null;
  if (expected === null || actual === null) return actual === expected;
  if (typeof expected === "string" && typeof actual === "string")
    return actual === expected || sameIgnoringCase(actual, expectedUpper ?? expected.toUpperCase());
  const actualNumber = numeric(actual);
  const expectedNumber = numeric(expected);
  if (actualNumber !== null && expectedNumber !== null && typeof actual !== "boolean" && typeof expected !== "boolean") {
    return actualNumber === expectedNumber;
  }
  return actual === expected;
}

/** A `$path` operand reads `operands` (the path without its `$`); anything else is itself. */
function operand(value: Scalar, operands: Lookup): Scalar | undefined {
  return typeof value === "string" && value.startsWith("$") ? operands(value.slice(1)) : value;
}

function compare(actual: Scalar | undefined, bound: Scalar | undefined, test: (a: number, b: number) => boolean): boolean {
  const a = numeric(actual);
  const b = numeric(bound ?? undefined);
  return a !== null && b !== null && test(a, b);
}

export function testCondition(actual: Scalar | undefined, condition: Condition, operands: Lookup): boolean {
  if (Array.isArray(condition)) return condition.some((option) => equal(actual, operand(option, operands) ?? null));
  if (!isOperators(condition)) return equal(actual, operand(condition as Scalar, operands) ?? null);
  const ops = condition;
  if (ops.exists !== undefined && (actual !== undefined && actual !== null) !== ops.exists) return false;
  if (ops.eq !== undefined && !equal(actual, operand(ops.eq, operands) ?? null)) return false;
  if (ops.in !== undefined && !ops.in.some((option) => equal(actual, operand(option, operands) ?? null))) return false;
  if (ops.not !== undefined) {
    const excluded = Array.isArray(ops.not) ? ops.not : [ops.not as Scalar];
    if (excluded.some((option) => equal(actual, operand(option, operands) ?? null))) return false;
  }
  if (ops.gt !== undefined && !compare(actual, operand(ops.gt, operands), (a, b) => a > b)) return false;
  if (ops.gte !== undefined && !compare(actual, operand(ops.gte, operands), (a, b) => a >= b)) return false;
  if (ops.lt !== undefined && !compare(actual, operand(ops.lt, operands), (a, b) => a < b)) return false;
  if (ops.lte !== undefined && !compare(actual, operand(ops.lte, operands), (a, b) => a <= b)) return false;
  if (ops.matches !== undefined) {
    if (actual === undefined || actual === null) return false;
    if (!new RegExp(ops.matches, "i").test(String(actual))) return false;
  }
  return true;
}

/**
All paths hold, at least one `anyOf` holds (when given), and no `noneOf` holds. Paths are read with
`lookup`, `$path` operands with `operands` (by default the same lookup).
*/
export function testConditions(conditions: Conditions | undefined, lookup: Lookup, operands: Lookup = lookup): boolean {
  if (!conditions) return true;
  for (const [path, condition] of Object.entries(conditions)) {
    if (condition === undefined) continue;
    if (path === "anyOf") {
      const options = condition as readonly Conditions[];
      if (!options.some((option) => testConditions(option, lookup, operands))) return false;
    } else if (path === "noneOf") {
      const options = condition as readonly Conditions[];
      if (options.some((option) => testConditions(option, lookup, operands))) return false;
    } else if (!testCondition(lookup(path), condition as Condition, operands)) {
      return false;
    }
  }
  return true;
}

/** The `$path` operands a set of conditions reads (without the `$`), `anyOf` and `noneOf` included. */
export function conditionOperands(conditions: Conditions | undefined): string[] {
  if (!conditions) return [];
  const operandsOf = (value: unknown): string[] => {
    if (typeof value === "string") return value.startsWith("$") ? [value.slice(1)] : [];
    if (Array.isArray(value)) return value.flatMap(operandsOf);
    if (typeof value === "object" && value !== null) return Object.values(value).flatMap(operandsOf);
    return [];
  };
  return Object.entries(conditions).flatMap(([path, condition]) =>
    path === "anyOf" || path === "noneOf" ? (condition as readonly Conditions[]).flatMap(conditionOperands) : operandsOf(condition),
  );
}

/** The paths a set of conditions reads, `anyOf` and `noneOf` included. */
export function conditionPaths(conditions: Conditions | undefined): string[] {
  if (!conditions) return [];
  return Object.entries(conditions).flatMap(([path, condition]) =>
    path === "anyOf" || path === "noneOf" ? (condition as readonly Conditions[]).flatMap(conditionPaths) : [path],
  );
}

/** A compiled condition set: the same answer as `testConditions` on the same lookups. */
export type ConditionTest = (lookup: Lookup, operands?: Lookup) => boolean;

type ValueTest = (actual: Scalar | undefined, operands: Lookup) => boolean;

/** `expected` as `equal` reads it: a `$path` operand is read on each test, a constant (and its upper case) once. */
function equalTo(expected: Scalar): ValueTest {
  if (typeof expected === "string" && expected.startsWith("$")) {
    const path = expected.slice(1);
    return (actual, operands) => equal(actual, operands(path) ?? null);
  }
  const upper = typeof expected === "string" ? expected.toUpperCase() : undefined;
  return (actual) => equal(actual, expected, upper);
}

function anyEqual(options: readonly Scalar[]): ValueTest {
  const tests = options.map(equalTo);
  return (actual, operands) => {
    for (const test of tests) if (test(actual, operands)) return true;
    return false;
  };
}

function compileCondition(condition: Condition): ValueTest {
  if (Array.isArray(condition)) return anyEqual(condition as readonly Scalar[]);
  if (!isOperators(condition)) return equalTo(condition as Scalar);
  const ops = condition;
  const tests: ValueTest[] = [];
  if (ops.exists !== undefined) {
    const exists = ops.exists;
    tests.push((actual) => (actual !== undefined && actual !== null) === exists);
  }
  if (ops.eq !== undefined) tests.push(equalTo(ops.eq));
  if (ops.in !== undefined) tests.push(anyEqual(ops.in));
  if (ops.not !== undefined) {
    const excluded = anyEqual(Array.isArray(ops.not) ? ops.not : [ops.not as Scalar]);
    tests.push((actual, operands) => !excluded(actual, operands));
  }
  const bound =
    (value: Scalar, test: (a: number, b: number) => boolean): ValueTest =>
    (actual, operands) =>
      compare(actual, operand(value, operands), test);
  if (ops.gt !== undefined) tests.push(bound(ops.gt, (a, b) => a > b));
  if (ops.gte !== undefined) tests.push(bound(ops.gte, (a, b) => a >= b));
  if (ops.lt !== undefined) tests.push(bound(ops.lt, (a, b) => a < b));
  if (ops.lte !== undefined) tests.push(bound(ops.lte, (a, b) => a <= b));
  if (ops.matches !== undefined) {
    const source = ops.matches;
    // Built on first use, as testCondition would: a pattern that never gets a value never compiles.
    let pattern: RegExp | undefined;
    tests.push((actual) => actual !== undefined && actual !== null && (pattern ??= new RegExp(source, "i")).test(String(actual)));
  }
  return (actual, operands) => {
    for (const test of tests) if (!test(actual, operands)) return false;
    return true;
  };
}

/**
`testConditions` compiled once per rule pattern: no entry list, case folding of constants or regular
expression built per event. `testConditions` stays the reference (and the compiled form is tested against it).
*/
export function compileConditions(conditions: Conditions | undefined): ConditionTest {
  if (!conditions) return () => true;
  const tests: Array<(lookup: Lookup, operands: Lookup) => boolean> = [];
  for (const [path, condition] of Object.entries(conditions)) {
    if (condition === undefined) continue;
    if (path === "anyOf" || path === "noneOf") {
      const options = (condition as readonly Conditions[]).map(compileConditions);
      const wanted = path === "anyOf";
      tests.push((lookup, operands) => {
        for (const option of options) if (option(lookup, operands)) return wanted;
        return !wanted;
      });
    } else {
      const test = compileCondition(condition as Condition);
      tests.push((lookup, operands) => test(lookup(path), operands));
    }
  }
  return (lookup, operands = lookup) => {
    for (const test of tests) if (!test(lookup, operands)) return false;
    return true;
  };
}
