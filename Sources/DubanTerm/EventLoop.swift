import DubanCore
import DubanTUI

/// read a key → action → reducer and effects → render the whole frame → flush.
public enum EventLoop {
  /// Returns the signal that ended the loop, or 0 when the user quit.
  public static func run(_ runtime: AppRuntime, on terminal: Terminal) -> Int32 {
    terminal.draw(runtime.render())
    while true {
      let signal = terminal.takeSignal()
      if signal != 0 {
        runtime.finishSaving()  // everything written, or the failure said on exit
        return signal
      }
      guard let key = terminal.readKey() else {
        // Idle: draw again only when a save finished or another process changed the store.
        if runtime.tick() { terminal.draw(runtime.render()) }
        continue
      }
      for effect in runtime.handle(.key(key)) {
        switch effect {
        case .quit:
          runtime.finishSaving()
          return 0
        case .openEditor(let id):
          let text = terminal.editExternally("")
          _ = runtime.handle(.externalNote(itemID: id, text: text))
        case .persist, .persistWorkPlan, .persistCalendar, .export, .exportAs, .readForms, .completePath,
          .persistCollect:
          break  // carried out by the runtime
        }
      }
      terminal.draw(runtime.render())
    }
  }
}
