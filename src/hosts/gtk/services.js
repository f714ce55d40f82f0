// The GTK host's services: alerts as modal dialogs, the camera as a file
// chooser, storage in a JSON file written atomically, frames from the
// window's frame clock, the display's clipboard. Each method gets the call's
// args and the call (`call.onCancel(fn)` runs when the runtime cancels).
import Gtk from "gi://Gtk?version=4.0";
import Gdk from "gi://Gdk?version=4.0";
import Gio from "gi://Gio";
import GLib from "gi://GLib";

/** Modal message dialogs; cancelling a call closes its dialog. */
export function alertService(window) {
  return {
    present([request], call) {
      return new Promise((resolve) => {
        const dialog = new Gtk.MessageDialog({
          transient_for: window,
          modal: true,
          message_type: Gtk.MessageType.QUESTION,
          buttons: Gtk.ButtonsType.NONE,
          text: String(request.title),
          secondary_text: typeof request.message === "string" ? request.message : null,
        });
        dialog.set_title(String(request.title));
        const destructive = new Set(request.destructive || []);
        request.buttons.forEach((label, index) => {
          const button = dialog.add_button(String(label), index);
          if (destructive.has(label)) button.add_css_class("destructive-action");
          if (index === request.cancelIndex) dialog.set_default_response(index);
        });
        let open = true;
        const close = () => {
          if (!open) return;
          open = false;
          dialog.destroy();
        };
        dialog.connect("response", (_dialog, response) => {
          // Escape or the window manager's close button: a dismiss.
          resolve(response >= 0 && response < request.buttons.length ? response : null);
          close();
        });
        call.onCancel(close);
        dialog.present();
      });
    },
  };
}

/** "Take a photo" on a desktop: an honest file chooser for images. */
export function cameraService(window) {
  const choose = (title) => (_args, call) =>
    new Promise((resolve) => {
      const dialog = new Gtk.FileChooserDialog({ title, action: Gtk.FileChooserAction.OPEN, transient_for: window, modal: true });
      dialog.add_button("Cancel", Gtk.ResponseType.CANCEL);
      dialog.add_button("Open", Gtk.ResponseType.ACCEPT);
      const filter = new Gtk.FileFilter();
      filter.set_name("Images");
      filter.add_mime_type("image/*");
      dialog.add_filter(filter);
      let open = true;
      const close = () => {
        if (!open) return;
        open = false;
        dialog.destroy();
      };
      dialog.connect("response", (_dialog, response) => {
        const file = response === Gtk.ResponseType.ACCEPT ? dialog.get_file() : null;
        resolve(file === null ? null : file.get_path() || file.get_uri());
        close();
      });
      call.onCancel(close);
      dialog.present();
    });
  return { takePhoto: choose("Choose a photo"), pickFromGallery: choose("Choose from your pictures") };
}

/**
 * Key/value storage in one JSON file. Writes go to a temporary file that
 * replaces the old one (Gio's `replace_contents`, which syncs before the
 * rename), so a crash leaves the old or the new file, never half of one.
 * Writes coalesce: while one is on disk, later changes wait for the next,
 * and each `set` resolves once a write that contains it is done.
 *
 * A write that fails rejects its calls, and memory goes back to what the
 * file holds for the keys that write changed: the callers were told the
 * change was not stored, so a read must not return it. Changes made after
 * that write began (waiting for the next one) are kept.
 */
export function storageService(path) {
  const file = Gio.File.new_for_path(path);
  // No prototype: every key is an ordinary one ("__proto__" would otherwise
  // set nothing, and a write the runtime was told is durable would be lost).
  let data = Object.create(null);
  /** Why the file could not be taken over (not read, and not moved aside): writes fail rather than replace it. */
  let unusable = null;
  try {
    const [ok, bytes] = file.load_contents(null);
    if (ok) {
      const parsed = JSON.parse(new TextDecoder().decode(bytes));
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not a JSON object");
      data = Object.assign(Object.create(null), parsed);
    }
  } catch (error) {
    if (!(error instanceof GLib.Error && error.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.NOT_FOUND))) {
      // Never start empty over data we could not read (a hand edit's typo):
      // move it aside first, as fileStorage does, and if that fails, fail the
      // writes that would replace it.
      const aside = `${path}.corrupt-${Date.now()}`;
      try {
        file.move(Gio.File.new_for_path(aside), Gio.FileCopyFlags.NONE, null, null);
        printerr(`typenative-gtk: storage file ${path} unreadable (${error.message}); moved it to ${aside} and started empty`);
      } catch (moveError) {
        unusable = new Error(`storage file ${path} is unreadable (${error.message}) and could not be moved aside (${moveError.message})`);
        printerr(`typenative-gtk: ${unusable.message}`);
      }
    }
  }
  let writing = null;
  let waiting = [];
  /** What the file holds: the last content written (or read at start). */
  let saved = Object.assign(Object.create(null), data);
  /** Keys changed since the last write began; `cleared` when a clear is among those changes. */
  let changed = new Set();
  let cleared = false;

  /** Puts back the file's value of the keys a failed write changed, except those changed again since. */
  function rollBack(keys, wasCleared) {
    // A clear made since then empties memory anyway, and its write will empty the file.
    if (cleared) return;
    const undo = wasCleared ? new Set([...keys, ...Object.keys(data), ...Object.keys(saved)]) : keys;
    for (const key of undo) {
      if (changed.has(key)) continue;
      if (Object.prototype.hasOwnProperty.call(saved, key)) data[key] = saved[key];
      else delete data[key];
    }
  }

  function writeNow() {
    const done = waiting;
    const keys = changed;
    const wasCleared = cleared;
    waiting = [];
    changed = new Set();
    cleared = false;
    const content = Object.assign(Object.create(null), data);
    const finished = (error) => {
      if (error === null) saved = content;
      else rollBack(keys, wasCleared);
      for (const settle of done) settle(error);
      writing = null;
      if (waiting.length > 0) writeNow();
    };
    writing = new Promise((resolve) => {
      try {
        if (unusable !== null) throw unusable;
        const parent = file.get_parent();
        if (parent !== null && !parent.query_exists(null)) parent.make_directory_with_parents(null);
        const bytes = new TextEncoder().encode(JSON.stringify(content));
        file.replace_contents_bytes_async(new GLib.Bytes(bytes), null, false, Gio.FileCreateFlags.REPLACE_DESTINATION, null, (_file, result) => {
          let error = null;
          try {
            file.replace_contents_finish(result);
          } catch (e) {
            error = e;
          }
          finished(error);
          resolve();
        });
      } catch (error) {
        // Failed before anything was written (the directory cannot be
        // made): the same outcome, told after this call, as a write's is.
        Promise.resolve().then(() => {
          finished(error);
          resolve();
        });
      }
    });
  }

  function persist() {
    return new Promise((resolve, reject) => {
      waiting.push((error) => (error === null ? resolve(null) : reject(error)));
      if (writing === null) writeNow();
    });
  }

  return {
    get([key]) {
      return Object.prototype.hasOwnProperty.call(data, key) ? data[key] : null;
    },
    set([key, value]) {
      data[key] = String(value);
      changed.add(key);
      return persist();
    },
    remove([key]) {
      delete data[key];
      changed.add(key);
      return persist();
    },
    keys() {
      return Object.keys(data);
    },
    clear() {
      data = Object.create(null);
      cleared = true;
      return persist();
    },
    flush() {
      if (writing === null) return null;
      if (waiting.length === 0) return writing.then(() => null);
      // Changes waiting for the next write were accepted too: flush waits for that write.
      return new Promise((resolve) => waiting.push(() => resolve(null)));
    },
  };
}

/** One answer per display frame of `widget`; a cancelled request is dropped. */
export function framesService(widget) {
  return {
    next(_args, call) {
      return new Promise((resolve) => {
        const id = widget.add_tick_callback(() => {
          resolve(null);
          return GLib.SOURCE_REMOVE;
        });
        call.onCancel(() => widget.remove_tick_callback(id));
      });
    },
  };
}

export function clipboardService() {
  const clipboard = () => Gdk.Display.get_default().get_clipboard();
  return {
    getText(_args, call) {
      return new Promise((resolve, reject) => {
        const cancellable = new Gio.Cancellable();
        call.onCancel(() => cancellable.cancel());
        clipboard().read_text_async(cancellable, (source, result) => {
          try {
            resolve(source.read_text_finish(result));
          } catch (error) {
            reject(error);
          }
        });
      });
    },
    setText([text]) {
      clipboard().set_content(Gdk.ContentProvider.new_for_value(String(text)));
      return null;
    },
  };
}

/**
 * Whether the app's window is the active one: `get` answers now, `changed`
 * answers when it differs from what the runtime last knew (a standing call,
 * cancelled with the bridge).
 */
export function focusService(window) {
  return {
    get() {
      return window.is_active;
    },
    changed([known], call) {
      if (window.is_active !== known) return window.is_active;
      return new Promise((resolve) => {
        const id = window.connect("notify::is-active", () => {
          if (window.is_active === known) return;
          window.disconnect(id);
          resolve(window.is_active);
        });
        call.onCancel(() => window.disconnect(id));
      });
    },
  };
}

/**
 * The desktop's light or dark preference: GTK's `gtk-application-prefer-dark-theme`,
 * or a theme whose name says dark (Adwaita-dark, ...). `changed` answers when
 * it differs from what the runtime last knew.
 */
export function appearanceService() {
  const settings = Gtk.Settings.get_default();
  const scheme = () =>
    settings !== null && (settings.gtk_application_prefer_dark_theme || /dark/i.test(settings.gtk_theme_name || "")) ? "dark" : "light";
  return {
    get() {
      return scheme();
    },
    changed([known], call) {
      if (scheme() !== known || settings === null) return scheme();
      return new Promise((resolve) => {
        const ids = [];
        const check = () => {
          if (scheme() === known) return;
          for (const id of ids) settings.disconnect(id);
          resolve(scheme());
        };
        ids.push(settings.connect("notify::gtk-application-prefer-dark-theme", check));
        ids.push(settings.connect("notify::gtk-theme-name", check));
        call.onCancel(() => {
          for (const id of ids) settings.disconnect(id);
        });
      });
    },
  };
}
