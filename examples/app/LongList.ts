/**
 * A 10,000-row FlatList. With `itemHeight` it is windowed: the web host
 * mounts only the rows in view plus a screen above and below, and
 * `onEndReached` fires once each time the end comes into reach.
 */
import * as pn from "typenative";
import { Theme, cardStyle } from "./theme.js";

const ROW_HEIGHT = 40;
const ROWS = Array.from({ length: 10_000 }, (_, i) => ({ id: i + 1, label: `Row ${(i + 1).toLocaleString("en-US")}` }));

export const LongList = pn.component(function LongList() {
  const theme = pn.useContext(Theme);
  const [ends, setEnds] = pn.useState(0);
  return pn.Column(
    pn.Text(`10,000 rows, windowed · end reached ${ends} time${ends === 1 ? "" : "s"}`, {
      testID: "end-count",
      style: { color: theme.muted },
    }),
    pn.FlatList(ROWS, {
      itemHeight: ROW_HEIGHT,
      renderItem: (row) =>
        pn.Text(row.label, {
          style: { height: ROW_HEIGHT, lineHeight: ROW_HEIGHT, paddingHorizontal: 12, borderBottomWidth: 1, borderColor: theme.border },
        }),
      onEndReached: () => setEnds((n) => n + 1),
      testID: "long-list",
      style: { height: 400, borderRadius: 12, borderWidth: 1, borderColor: theme.border, backgroundColor: theme.card },
    }),
    { style: { ...cardStyle(theme), backgroundColor: "transparent", borderWidth: 0, padding: 0 } },
  );
});
