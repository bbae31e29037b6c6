import { request, required } from '@waymark/graphql-client';
import { MyDataDownload, myDataOf, type MyData } from '@waymark/ui';
import { MY_DATA_QUERY } from '../graphql/myData';

async function loadMyData(): Promise<MyData> {
  return myDataOf(required((await request(MY_DATA_QUERY)).me));
}

/** "Download my data" for an employer volunteer or alumnus. */
export function MyDataSection() {
  return (
    <MyDataDownload
      load={loadMyData}
      whoToAsk="If something here is wrong, or you have a question about it, contact the careers leader of a school you volunteer with."
    />
  );
}
