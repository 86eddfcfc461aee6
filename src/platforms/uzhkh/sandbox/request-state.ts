/** What the two Handle methods record about a registration request (seed 001 §"Дополнительный метод…"). */
export interface RequestState {
  kind: 'register' | 'objectAdding';
  state: 'new' | 'approved' | 'rejected';
  cause?: string | undefined;
  accountNumber?: string | undefined;
  notificationSent: boolean;
  handledTimes: number;
}
