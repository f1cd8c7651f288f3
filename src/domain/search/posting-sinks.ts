import type { ExactKeys } from "./exact-keys"

/** A growable Int32Array: a build appends millions of ints without boxing them. */
export class IntBuffer {
  data = new Int32Array(1024)
  length = 0
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2)
      grown.set(this.data)
      this.data = grown
    }
    this.data[this.length++] = v
  }
}

/** Where a customer's postings and keys go: flat buffers at build, overflow lists and in-place keys at an edit. */
export interface Sink {
  posting(tokenId: number, posting: number): void
  phone(key: number, doc: number): void
  email(key: string, doc: number): void
  code(key: string, doc: number): void
}

/** Build: everything is appended to flat buffers, laid out and sorted once at the end. */
export class BulkSink implements Sink {
  readonly postingToken = new IntBuffer()
  readonly postingValue = new IntBuffer()
  constructor(private readonly keys: ExactKeys) {}
  posting(tokenId: number, posting: number): void {
    this.postingToken.push(tokenId)
    this.postingValue.push(posting)
  }
  phone(key: number, doc: number): void {
    this.keys.addPhone(key, doc, false)
  }
  email(key: string, doc: number): void {
    this.keys.addEmail(key, doc, false)
  }
  code(key: string, doc: number): void {
    this.keys.addCode(key, doc, false)
  }
}

/** Edit: postings go to overflow lists, keys are inserted in sorted place. */
export class EditSink implements Sink {
  added = 0
  constructor(
    private readonly overflow: Map<number, number[]>,
    private readonly keys: ExactKeys
  ) {}
  posting(tokenId: number, posting: number): void {
    const list = this.overflow.get(tokenId)
    if (list === undefined) this.overflow.set(tokenId, [posting])
    else list.push(posting)
    this.added++
  }
  phone(key: number, doc: number): void {
    this.keys.addPhone(key, doc, true)
  }
  email(key: string, doc: number): void {
    this.keys.addEmail(key, doc, true)
  }
  code(key: string, doc: number): void {
    this.keys.addCode(key, doc, true)
  }
}
