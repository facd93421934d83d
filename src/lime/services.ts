// The Lime platform's service names, named as lime-web-components v7 names them, mapped to the
// strings shared by 2.1.0 (the version on the registry) and v7. Moving to v7 touches src/lime/ only.
import { PlatformServiceName } from '@limetech/lime-web-components-interfaces';

export const HttpClient = PlatformServiceName.Http; // 'http'
export const Query = PlatformServiceName.Query; // 'query'
export const CommandBus = PlatformServiceName.CommandBus; // 'commandBus'
export const EventDispatcher = PlatformServiceName.EventDispatcher; // 'eventDispatcher'
export const DialogRenderer = PlatformServiceName.Dialog; // 'dialog'
export const Notifications = PlatformServiceName.Notification; // 'notifications'
export const Translator = PlatformServiceName.Translate; // 'translate'
export const LimeTypeRepository = PlatformServiceName.LimetypesState; // 'state.limetypes'
export const LimeObjectRepository = PlatformServiceName.LimeobjectsState; // 'state.limeobjects'
export const ConfigRepository = PlatformServiceName.ConfigsState; // 'state.configs'
export const ApplicationRepository = PlatformServiceName.ApplicationState; // 'state.application'
export const Navigator = PlatformServiceName.Route; // 'route'

export type ServiceName =
  | typeof HttpClient
  | typeof Query
  | typeof CommandBus
  | typeof EventDispatcher
  | typeof DialogRenderer
  | typeof Notifications
  | typeof Translator
  | typeof LimeTypeRepository
  | typeof LimeObjectRepository
  | typeof ConfigRepository
  | typeof ApplicationRepository
  | typeof Navigator;
