/**
 * What jsdom lacks and the components use: `<dialog>`'s showModal() and
 * close(). The stand-ins only open and close the element (no focus trap, no
 * top layer); focus and layout stay with the Playwright specs.
 */
export function installDialogStandIn(): void {
  const proto = HTMLDialogElement.prototype as HTMLDialogElement & { __standIn?: true };
  if (proto.__standIn) return;
  proto.__standIn = true;
  proto.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close = function (this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}
