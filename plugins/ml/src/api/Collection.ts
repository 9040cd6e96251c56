import { Page } from '@ml-platform/plugin-ml-common';
import { MlHttp, Query, seg } from './MlHttp';

/**
 * One collection of the API, below `path`: the requests every sub-client
 * makes the same way on it and on its members by id.
 */
export class Collection<T> {
  constructor(private readonly http: MlHttp, private readonly path: string) {}

  /** The path of one member, or of the collection without an id. */
  pathOf(id?: string): string {
    return id ? `${this.path}/${seg(id)}` : this.path;
  }

  /** One page of a paged list. */
  page(query?: Query) {
    return this.http.json<Page<T>>('GET', this.path, { query });
  }

  /** A list the API returns whole, without paging. */
  async items() {
    const { items } = await this.http.json<{ items: T[] }>('GET', this.path);
    return items;
  }

  get(id: string) {
    return this.http.json<T>('GET', this.pathOf(id));
  }

  create(body: unknown) {
    return this.http.json<T>('POST', this.path, { body });
  }

  update(id: string, body: unknown) {
    return this.http.json<T>('PATCH', this.pathOf(id), { body });
  }

  async remove(id: string) {
    await this.http.send('DELETE', this.pathOf(id));
  }

  /** An action on one member, e.g. `stop`, that answers with the member. */
  act(id: string, action: string) {
    return this.http.json<T>('POST', `${this.pathOf(id)}/${action}`);
  }
}
