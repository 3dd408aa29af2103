/** wtr runs mocha in the browser but @types/mocha is not installed: the globals the tests use. */
interface MochaTestContext {
  timeout(ms: number): void;
  skip(): never;
}
type MochaFn = (this: MochaTestContext) => unknown;
declare function describe(title: string, fn: (this: MochaTestContext) => void): void;
declare function it(title: string, fn: MochaFn): void;
declare function before(fn: MochaFn): void;
declare function after(fn: MochaFn): void;
declare function beforeEach(fn: MochaFn): void;
declare function afterEach(fn: MochaFn): void;
