import type { ReactNode } from 'react';

interface NavItemProps {
  testId: string;
  isSelected: boolean;
  onSelect: () => void;
  /** For a group, its label; the children are then its items. */
  label?: string;
  isGroup?: boolean;
  children?: ReactNode;
}

/** One selectable line of the navigator, optionally with nested items. */
export function NavItem({ testId, isSelected, onSelect, label, isGroup = false, children }: NavItemProps) {
  const button = (
    <button type="button" className={isGroup ? 'nav-item nav-group' : 'nav-item'} data-testid={testId} aria-pressed={isSelected} onClick={onSelect}>
      {isGroup ? label : children}
    </button>
  );
  return (
    <li>
      {button}
      {isGroup && <ul>{children}</ul>}
    </li>
  );
}
