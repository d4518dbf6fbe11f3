extension Theme {
    /// The dark default. `Themes/default.json` holds the same styles (a test keeps them equal); this
    /// copy is what the program falls back to when no theme file can be read.
    public static let builtinDefault: Theme = {
        func c(_ s: String) -> ThemeColor { ThemeColor(s)! }
        let panel = c("#262626")
        let accent = c("#5fafd7")
        return Theme(name: "default", styles: [
            .text: RoleStyle(),
            .dim: RoleStyle(fg: c("#8a8a8a")),
            .header: RoleStyle(fg: c("black"), bg: accent),
            .headerAccent: RoleStyle(fg: c("white"), bg: c("#005f87"), bold: true),
            .border: RoleStyle(fg: c("bright-black")),
            .borderFocused: RoleStyle(fg: accent, bold: true),
            .title: RoleStyle(bold: true),
            .titleFocused: RoleStyle(fg: accent, bold: true),
            .selection: RoleStyle(fg: c("black"), bg: accent),
            .selectionUnfocused: RoleStyle(bg: c("#3a3a3a")),
            .active: RoleStyle(fg: c("#ffd75f"), bold: true),
            .good: RoleStyle(fg: c("#5fd75f")),
            .warn: RoleStyle(fg: c("#ffaf00")),
            .bad: RoleStyle(fg: c("#ff5f5f"), bold: true),
            .accent: RoleStyle(fg: c("#af87ff")),
            .stage: RoleStyle(fg: accent, bold: true),
            .statusBar: RoleStyle(fg: c("#d0d0d0"), bg: c("#303030")),
            .statusKey: RoleStyle(fg: c("black"), bg: accent, bold: true),
            .statusError: RoleStyle(fg: c("#ffffff"), bg: c("#d70000"), bold: true),
            .banner: RoleStyle(fg: c("black"), bg: c("#ffd75f")),
            .bannerError: RoleStyle(fg: c("#ffffff"), bg: c("#d70000"), bold: true),
            .overlay: RoleStyle(bg: panel),
            .overlayBorder: RoleStyle(fg: accent, bg: panel, bold: true),
            .formLabel: RoleStyle(fg: c("#bcbcbc"), bg: panel),
            .formField: RoleStyle(fg: c("white"), bg: c("#3a3a3a")),
            .formFieldFocused: RoleStyle(fg: c("black"), bg: c("#d7d7ff")),
            .formError: RoleStyle(fg: c("#ff5f5f"), bg: panel, bold: true),
            .sparkline: RoleStyle(fg: accent),
            .target: RoleStyle(fg: c("#8a8a8a")),
        ]).derivingDigitRoles()
    }()

    /// No colour at all: bold, reverse and underline only. Used whenever `NO_COLOR` is set.
    public static let mono: Theme = Theme(name: "mono", styles: [
        .text: RoleStyle(),
        .dim: RoleStyle(),
        .header: RoleStyle(reverse: true),
        .headerAccent: RoleStyle(bold: true, reverse: true),
        .border: RoleStyle(),
        .borderFocused: RoleStyle(bold: true),
        .title: RoleStyle(),
        .titleFocused: RoleStyle(bold: true, underline: true),
        .selection: RoleStyle(reverse: true),
        .selectionUnfocused: RoleStyle(underline: true),
        .active: RoleStyle(bold: true),
        .good: RoleStyle(),
        .warn: RoleStyle(underline: true),
        .bad: RoleStyle(bold: true, underline: true),
        .accent: RoleStyle(),
        .stage: RoleStyle(bold: true),
        .statusBar: RoleStyle(reverse: true),
        .statusKey: RoleStyle(bold: true),
        .statusError: RoleStyle(bold: true, underline: true),
        .banner: RoleStyle(bold: true),
        .bannerError: RoleStyle(bold: true, underline: true),
        .overlay: RoleStyle(),
        .overlayBorder: RoleStyle(bold: true),
        .formLabel: RoleStyle(),
        .formField: RoleStyle(underline: true),
        .formFieldFocused: RoleStyle(reverse: true),
        .formError: RoleStyle(bold: true),
        .sparkline: RoleStyle(),
        .target: RoleStyle(),
    ]).derivingDigitRoles()
}
