// Just the React API the benchmark pages use (the repo carries no @types/react).
declare module "react" {
  export type ReactNode = unknown;
  export function createElement(type: unknown, props?: object | null, ...children: unknown[]): ReactNode;
  export function memo<P>(component: (props: P) => ReactNode): (props: P) => ReactNode;
  export function useState<S>(initial: S | (() => S)): [S, (value: S | ((previous: S) => S)) => void];
  export function useCallback<F>(fn: F, deps: readonly unknown[]): F;
}
declare module "react-dom/client" {
  export function createRoot(container: Element): { render(node: unknown): void; unmount(): void };
}
declare module "react-dom" {
  export function flushSync<T>(fn: () => T): T;
}
