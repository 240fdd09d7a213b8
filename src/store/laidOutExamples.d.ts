/** The built-in examples' layouts, made at build time by src/build/laidOutExamples.ts. */
declare module 'virtual:laid-out-examples' {
  import type { LayoutOutput } from '../model';
  const layouts: Record<string, LayoutOutput>;
  export default layouts;
}
