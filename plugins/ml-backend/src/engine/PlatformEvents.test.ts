import { PlatformEvents } from './PlatformEvents';

describe('PlatformEvents', () => {
  it('runs listeners one after another, in the order they subscribed', async () => {
    const events = new PlatformEvents();
    const heard: string[] = [];
    events.on('modelChanged', async id => {
      await new Promise(r => setTimeout(r, 10));
      heard.push(`a:${id}`);
    });
    events.on('modelChanged', id => {
      heard.push(`b:${id}`);
    });
    await events.emit('modelChanged', 'm1');
    expect(heard).toEqual(['a:m1', 'b:m1']);
  });

  it('emit stops at the first listener that fails and fails itself', async () => {
    const events = new PlatformEvents();
    const later = jest.fn();
    events.on('projectDeleting', () => {
      throw new Error('refused');
    });
    events.on('projectDeleting', later);
    await expect(events.emit('projectDeleting', 'p1')).rejects.toThrow(
      'refused',
    );
    expect(later).not.toHaveBeenCalled();
  });

  it('emitToAll reports a failing listener and still runs the others', async () => {
    const events = new PlatformEvents();
    const later = jest.fn();
    const onError = jest.fn();
    events.on('modelChanged', () => {
      throw new Error('broken');
    });
    events.on('modelChanged', later);
    await events.emitToAll('modelChanged', 'm1', onError);
    expect(onError).toHaveBeenCalledWith(new Error('broken'));
    expect(later).toHaveBeenCalledWith('m1');
  });

  it('stops calling a listener once it unsubscribed', async () => {
    const events = new PlatformEvents();
    const listener = jest.fn();
    const unsubscribe = events.on('modelChanged', listener);
    unsubscribe();
    await events.emit('modelChanged', 'm1');
    expect(listener).not.toHaveBeenCalled();
  });
});
