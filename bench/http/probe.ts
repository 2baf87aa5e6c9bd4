import { get } from 'node:http';

export interface ProbeAnswer {
  status: number;
  /** Response header bytes as sent (approximately: names and values with separators). */
  headerBytes: number;
  headerCount: number;
  body: string;
}

/**
 * One plain GET on a fresh connection (no agent, so nothing stays open to keep the process alive),
 * used to check what each route answers before loading it.
 */
export function probe(url: string): Promise<ProbeAnswer> {
  return new Promise((resolve, reject) => {
    const request = get(url, { agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const raw = response.rawHeaders;
        let headerBytes = 0;
        for (let i = 0; i + 1 < raw.length; i += 2) headerBytes += raw[i]!.length + raw[i + 1]!.length + 4;
        resolve({ status: response.statusCode ?? 0, headerBytes, headerCount: raw.length / 2, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    request.on('error', reject);
  });
}
