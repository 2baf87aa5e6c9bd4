import { Link } from 'react-router';
import { richTokens, type KnownTokens } from '../../lib/richText.ts';

export interface RichTextProps extends KnownTokens {
  text: string;
  className?: string;
}

/** Member-written text with @handles linked to profiles and #hashtags to their pages. */
export function RichText({ text, className, mentions, hashtags }: RichTextProps) {
  const tokens = richTokens(text, { mentions, hashtags });
  return (
    <p className={['rich-text', className ?? ''].filter(Boolean).join(' ')}>
      {tokens.map((token, index) => {
        switch (token.kind) {
          case 'text':
            return <span key={index}>{token.text}</span>;
          case 'mention':
            return (
              <Link key={index} className="rich-text__link" to={`/u/${encodeURIComponent(token.handle)}`}>
                {token.text}
              </Link>
            );
          case 'hashtag':
            return (
              <Link key={index} className="rich-text__link" to={`/hashtags/${encodeURIComponent(token.tag)}`}>
                {token.text}
              </Link>
            );
        }
      })}
    </p>
  );
}
