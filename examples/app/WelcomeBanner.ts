/** The seed's WelcomeBanner: shows for three seconds, unless the screen goes away first. */
import * as pn from "typenative";
import { Theme } from "./theme.js";

export const WelcomeBanner = pn.component(function WelcomeBanner() {
  const [visible, setVisible] = pn.useState(true);
  const theme = pn.useContext(Theme);

  pn.useAsyncEffect(async (signal) => {
    // Unmounting aborts the signal: the sleep rejects and the setter never runs.
    await pn.sleep(3000, { signal });
    setVisible(false);
  }, []);

  return visible
    ? pn.Text("Welcome! Everything below runs on typenative's async runtime.", {
        testID: "welcome",
        style: { padding: 12, borderRadius: 10, backgroundColor: theme.accent, color: theme.accentText },
      })
    : pn.Spacer();
});
