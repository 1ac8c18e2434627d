import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createClient } from '../../lib/messages';
import { Popup } from '../../lib/ui/popup';
import '../../lib/ui/popup.css';

const ask = createClient((message) => browser.runtime.sendMessage(message));
render(<Popup ask={ask} />, document.getElementById('app')!);
