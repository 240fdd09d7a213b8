/** The built-in examples' layouts, made at build time by src/build/laidOutExamples.ts. */
declare module 'virtual:laid-out-examples' {
  import type { LayoutOutput } from '../model';
  const layouts: Record<string, LayoutOutput>;
  export default layouts;
}

/** One built-in example's layout (`virtual:laid-out-examples/sunnydale`). */
declare module 'virtual:laid-out-examples/*' {
  import type { LayoutOutput } from '../model';
  const layout: LayoutOutput;
  export default layout;
}
