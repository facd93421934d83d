import {
  CREATE_DIALOG_COMMAND_ID,
  CreateLimeobjectDialogCommand,
  commandIdOf,
  isCreateDialogCommand,
} from './commands';

describe('create-dialog commands', () => {
  it('reads the id of a command object and of its class', () => {
    expect(commandIdOf(new CreateLimeobjectDialogCommand())).toBe(CREATE_DIALOG_COMMAND_ID);
    expect(commandIdOf(CreateLimeobjectDialogCommand)).toBe(CREATE_DIALOG_COMMAND_ID);
  });

  it('gives an empty id for things that are no commands', () => {
    expect(commandIdOf(null)).toBe('');
    expect(commandIdOf('limeobject.create-dialog')).toBe('');
    expect(commandIdOf({})).toBe('');
  });

  it('recognises a create-dialog command only when it names a limetype', () => {
    const command = Object.assign(new CreateLimeobjectDialogCommand(), {
      limetype: { name: 'conversation' },
    });
    expect(isCreateDialogCommand(command)).toBe(true);
    expect(isCreateDialogCommand(new CreateLimeobjectDialogCommand())).toBe(false);
    expect(isCreateDialogCommand({ limetype: { name: 'conversation' } })).toBe(false);
  });
});
