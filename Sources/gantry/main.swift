import Foundation
import GantryCLI

let context = CLIContext.process(launchInteractive: { request in try Interactive.run(request) })
switch GantryCLI.decodeArguments(Array(UnsafeBufferPointer(start: CommandLine.unsafeArgv, count: Int(CommandLine.argc)))) {
case .failure(let error):
    FileHandle.standardError.write(Data("gantry: \(error.description)\n".utf8))
    exit(2)
case .success(let arguments):
    exit(GantryCLI.run(arguments, context: context))
}
