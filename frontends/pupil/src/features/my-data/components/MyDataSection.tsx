import { request, required } from '@waymark/graphql-client';
import { MyDataDownload, myDataOf, type MyData } from '@waymark/ui';
import { MY_DATA_QUERY } from '../graphql/myData';

async function loadMyData(): Promise<MyData> {
  return myDataOf(required((await request(MY_DATA_QUERY)).me));
}

const WHO_TO_ASK = {
  pupil: "If something here is wrong, or you have a question about it, talk to your school's careers leader.",
  parent: "This is what Waymark keeps about you. Your child's record is theirs: if you want a copy of it, or something here is wrong, ask your child's school.",
} as const;

/** "Download my data" for a pupil, or a parent or carer (their own data, which names their children only). */
export function MyDataSection({ audience }: { audience: keyof typeof WHO_TO_ASK }) {
  return <MyDataDownload load={loadMyData} whoToAsk={WHO_TO_ASK[audience]} />;
}
