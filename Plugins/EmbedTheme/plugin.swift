import Foundation
import PackagePlugin

/// Embeds the package's `Templates/` folder (the default theme) into the target as `DefaultTheme.files`.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let themeFolder = context.package.directoryURL.appending(path: "Templates")
        let output = context.pluginWorkDirectoryURL.appending(path: "DefaultTheme.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: themeFolder, includingPropertiesForKeys: nil) {
            while let url = walker.nextObject() as? URL { inputs.append(url) }
        }
        return [
            .buildCommand(
                displayName: "Embedding the default theme from Templates/",
                executable: try context.tool(named: "EmbedFiles").url,
                arguments: [themeFolder.path, output.path, "DefaultTheme"],
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
