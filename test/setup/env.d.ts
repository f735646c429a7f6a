import type { TestBindings } from "./global";

declare module "vitest" {
  export interface ProvidedContext {
    bindings: TestBindings;
  }
}

declare global {
  namespace Cloudflare {
    interface Env extends TestBindings {}
    interface GlobalProps {
      mainModule: typeof import("../../src/index");
    }
  }
}
