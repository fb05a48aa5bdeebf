import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";

const imageIn = (files: FileList | undefined | null) =>
  Array.from(files ?? []).find((file) => file.type.startsWith("image/")) ?? null;

/**
 * A picture pasted or dropped into the text opens the image dialog with it, so that it is uploaded
 * and described like any other, never put into the document as it came.
 */
export const ImageDrop = Extension.create<{ onImage: (file: File) => void }>({
  name: "imageDrop",
  addOptions() {
    return { onImage: () => {} };
  },
  addProseMirrorPlugins() {
    const { onImage } = this.options;
    return [
      new Plugin({
        key: new PluginKey("imageDrop"),
        props: {
          handlePaste: (_view, event) => {
            const file = imageIn(event.clipboardData?.files);
            if (!file) return false;
            onImage(file);
            return true;
          },
          handleDrop: (_view, event) => {
            const file = imageIn(event.dataTransfer?.files);
            if (!file) return false;
            event.preventDefault();
            onImage(file);
            return true;
          },
        },
      }),
    ];
  },
});
