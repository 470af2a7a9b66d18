// On the recording step the whole screen takes a dropped .har file. The drag events stop here, so the
// window's own drop target (which hashes files, or sends a .har to the expert screen) never sees them.
import { useRef, type DragEvent, type HTMLAttributes } from 'react';
import { reportUnexpected } from '../../actions/unexpected.js';
import { dropHar } from './actions.js';
import { setDropOver } from './store.js';

const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

type DropProps = Pick<HTMLAttributes<HTMLElement>, 'onDragEnter' | 'onDragOver' | 'onDragLeave' | 'onDrop'>;

export function useHarDropTarget(active: boolean): DropProps {
  // dragenter/dragleave fire for every child crossed: count them to know when the screen is left.
  const depth = useRef(0);
  if (!active) return {};
  const stop = (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
  };
  return {
    onDragEnter: (e) => {
      if (!carriesFiles(e)) return;
      stop(e);
      depth.current++;
      setDropOver(true);
    },
    onDragOver: (e) => {
      if (!carriesFiles(e)) return;
      stop(e);
      e.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: (e) => {
      if (!carriesFiles(e)) return;
      stop(e);
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDropOver(false);
    },
    onDrop: (e) => {
      if (!carriesFiles(e)) return;
      stop(e);
      depth.current = 0;
      setDropOver(false);
      void dropHar([...e.dataTransfer.files]).catch(reportUnexpected);
    },
  };
}
