// pg-boss 10 ships no types for its SQL plans; these are the two statements boss-db.ts recognises.
declare module 'pg-boss/src/plans.js' {
  const plans: {
    completeJobs(schema: string): string;
    failJobsById(schema: string): string;
  };
  export default plans;
}
