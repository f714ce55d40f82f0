/**
 * The seed's photo-source example: `Alert.choose` between camera and
 * gallery, then `Camera`. On the web both open a file picker (the camera one
 * asks phones for the camera).
 */
import * as pn from "typenative";
import { Theme, secondaryButton } from "./theme.js";

export const PhotoPicker = pn.component(function PhotoPicker(props: { onPicked: (uri: string) => void }) {
  const theme = pn.useContext(Theme);
  const [error, setError] = pn.useState<string | null>(null);

  async function pick(): Promise<void> {
    setError(null);
    const source = await pn.Alert.choose("Photo source", ["Camera", "Gallery"], { cancelLabel: "Cancel" });
    if (source === null) return;
    try {
      const uri = source === "Camera" ? await pn.Camera.takePhoto({ quality: 0.8 }) : await pn.Camera.pickFromGallery();
      if (uri !== null) props.onPicked(uri);
    } catch (e) {
      if (e instanceof pn.CancelledError) throw e;
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return pn.Column(
    pn.Button("Change photo", { onClick: () => pn.runAsync(pick()), testID: "change-photo", style: secondaryButton(theme) }),
    error === null ? null : pn.Text(error, { style: { color: theme.danger } }),
  );
});
