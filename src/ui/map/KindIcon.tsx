import { memo } from 'react';
import type { NodeKind } from '../../model';
import { KIND_STYLES } from '../../look';

/** The kind's icon, drawn from the same path data as the exported images. */
export const KindIcon = memo(function KindIcon({ kind, size = 14 }: { kind: NodeKind; size?: number }) {
  const style = KIND_STYLES[kind];
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="am-icon">
      <path d={style.icon} fill="none" stroke={style.accent} strokeWidth={2.2} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
});
