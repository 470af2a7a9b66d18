// Window-wide file drop. The overlay is pointer-events:none and holds nothing focusable,
// so it can never trap the keyboard; it only shows while files are dragged over the window.
import { useEffect, useState } from 'react';
import { reportUnexpected } from '../actions/unexpected.js';
import { dropFiles } from '../screens/check/actions.js';
import { strings } from '../strings/index.js';

const carriesFiles = (e: DragEvent): boolean => e.dataTransfer?.types.includes('Files') ?? false;

/** True while files are dragged over the window; dropped files go to `onFiles`. */
export function useFileDrag(onFiles: (files: File[]) => void): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    // dragenter/dragleave fire for every child crossed: count them to know when the window is left.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault(); // without this the window refuses the drop
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault(); // never let the window navigate to the file
      depth = 0;
      setDragging(false);
      onFiles([...(e.dataTransfer?.files ?? [])]);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [onFiles]);
  return dragging;
}

const onDroppedFiles = (files: File[]) => void dropFiles(files).catch(reportUnexpected);

export function DropOverlay() {
  const dragging = useFileDrag(onDroppedFiles);
  if (!dragging) return null;
  return (
    <div className="drop-overlay" data-testid="drop-overlay">
      <p className="drop-overlay-text">{strings.drop.overlay}</p>
    </div>
  );
}
