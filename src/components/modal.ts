import type { Child, Element } from "../core/element.js";
import { component } from "../core/component.js";
import { currentFiber, useLayoutEffect } from "../core/hooks.js";
import { dispatch } from "../core/events.js";
import { FIBER_OF } from "../core/current.js";
import { View } from "./builtins.js";
import { BackHandler } from "../platform/back-handler.js";
import type { AccessibilityProps, CommonProps, ViewProps } from "./props.js";
import type { Style } from "./style.js";
import { splitArgs } from "./args.js";
import { isDev } from "../core/options.js";

/** Props of {@link Modal}. */
export interface ModalProps extends CommonProps, Pick<AccessibilityProps, "accessibilityLabel"> {
  /** Shown while true. */
  visible: boolean;
  /** The system back action (Escape, a back button) while shown: close it here. Like any handler it may be async: it then runs as a task of the modal. */
  onRequestClose?: () => unknown;
  /** Leaves what is behind visible (no backdrop). */
  transparent?: boolean;
}

const ModalView = component(function Modal(props: ModalProps & { content: Child[] }): Child {
  const { visible, onRequestClose, transparent, content, style, ...rest } = props;
  const fiber = currentFiber("Modal");
  // The back action and the Escape key (onAccessibilityEscape) both deliver
  // onRequestClose as a host delivers an event to this component (through a
  // stand-in node that points at it; its props hold the latest handler): an
  // async onRequestClose runs as this component's task, and a failure is
  // reported, not left unhandled.
  const requestClose = (): void => dispatch({ [FIBER_OF]: fiber }, "onRequestClose");
  // A layout effect: the handler is in place as soon as the modal is on screen.
  useLayoutEffect(() => {
    if (!visible) return;
    // The newest handler is asked first: an open modal takes back before any navigator.
    return BackHandler.addEventListener("hardwareBackPress", () => {
      requestClose();
      return true;
    }).remove;
  }, [visible]);
  if (!visible) return null;
  const viewProps: ViewProps = {
    ...rest,
    accessibilityRole: "dialog",
    accessibilityViewIsModal: true,
    onAccessibilityEscape: requestClose,
    style: { ...(transparent === true ? FILL : BACKDROP), ...style },
  };
  return View(viewProps, ...content);
});

const FILL: Style = { position: "absolute", top: 0, left: 0, right: 0, bottom: 0, zIndex: 1000 };
const BACKDROP: Style = { ...FILL, backgroundColor: "rgba(0, 0, 0, 0.4)", justifyContent: "center", alignItems: "center" };

/**
 * Content over everything else while `visible`, with the `dialog` role; the
 * system back action (on the web the browser's back button, Escape too)
 * calls `onRequestClose`, and the screen under it stays. Renders nothing
 * while hidden.
 *
 * @example
 * ```ts
 * pn.Modal(pn.Text("Saved"), pn.Button("Close", { onClick: close }), { visible: open, onRequestClose: close });
 * ```
 */
export function Modal(...args: Array<Child | ModalProps>): Element {
  const { props, children } = splitArgs<ModalProps & { key?: string | number }>("Modal", args);
  if (typeof props.visible !== "boolean") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "Modal(...children, { visible }): visible must be a boolean" : /* "Modal: visible must be a boolean" */ "typenative #32");
  return ModalView({ ...props, content: children });
}
