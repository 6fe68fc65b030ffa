import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** The run's PostgreSQL (embedded, or TEST_DATABASE_URL). */
    databaseUrl: string;
  }
}
