/** The Sync node's resources: adding an operation is one file and one line in its resource. */
import { asset } from './asset/Asset.resource';
import { batch } from './batch/Batch.resource';
import { generation } from './generation/Generation.resource';
import { model } from './model/Model.resource';
import { textToSpeech } from './textToSpeech/TextToSpeech.resource';
import { voice } from './voice/Voice.resource';

export const resources = [generation, batch, asset, model, voice, textToSpeech];
