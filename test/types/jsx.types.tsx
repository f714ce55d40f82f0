/** JSX type tests, compiled by `tsc --noEmit` in `npm test` (never run). */
import * as pn from "typenative";

const Card = pn.component(function Card({ id }: { id: number }) {
  return <pn.Text>Card {id}</pn.Text>;
});
const Badge = pn.component(function Badge({ label = "new" }: { label?: string }) {
  return <pn.Text>{label}</pn.Text>;
});

// @ts-expect-error no host renders <div>: there are no intrinsic tags
export const div = <div />;
// @ts-expect-error built-in tags take their typed props
export const press = <pn.Button onPress={() => {}}>Go</pn.Button>;
// @ts-expect-error style is typed under JSX too
export const colour = <pn.Text style={{ colour: "red" }}>x</pn.Text>;
// @ts-expect-error Card needs id
export const card = <Card />;
// @ts-expect-error an Image tag needs its source
export const image = <pn.Image alt="x" />;
// @ts-expect-error a Button's children are its label text
export const nested = <pn.Button><pn.Text>x</pn.Text></pn.Button>;

export const positives = (
  <pn.Column style={{ padding: 16, spacing: 8 }} testID="root">
    <Card id={1} key="a" />
    <Badge />
    <pn.Text style={{ fontSize: 18 }}>Hello {"Ada"}, {3} new</pn.Text>
    <pn.Button onClick={() => {}} disabled={false}>Go</pn.Button>
    <pn.TextInput value="" onChange={(text) => text.trim()} onSubmitEditing={(text) => text.length} placeholder="Name" />
    <pn.Image source={{ uri: "a.png" }} alt="A" />
    <pn.Spacer />
    <pn.ScrollView onScroll={(event) => event.offset}>
      <pn.Row>{[1, 2].map((n) => <pn.Text key={n}>{n}</pn.Text>)}</pn.Row>
    </pn.ScrollView>
    <>
      <pn.Text>fragment</pn.Text>
    </>
  </pn.Column>
);
